package com.coursebook.shared;

import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work done once at start-up, in one transaction, before the web server opens its port (a lifecycle phase below
 * the server's), so no request ever sees the app half ready: the demo data, the bootstrap admin.
 */
public abstract class StartupStep implements SmartLifecycle {

    private final TransactionTemplate transaction;

    private final int phase;

    private volatile boolean running;

    protected StartupStep(PlatformTransactionManager transactions, int phase) {
        this.transaction = new TransactionTemplate(transactions);
        this.phase = phase;
    }

    /** The step's work, inside its transaction. */
    protected abstract void run();

    @Override
    public void start() {
        transaction.executeWithoutResult(status -> run());
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return phase;
    }
}
