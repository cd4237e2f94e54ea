package com.coursebook.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the application prepares, so a test can show that a page costs a fixed number
 * of queries whatever the amount of data. Wraps the DataSource; counts every prepareStatement/createStatement.
 */
public final class QueryCounter {

    private static final AtomicInteger statements = new AtomicInteger();

    private QueryCounter() {
    }

    public static void reset() {
        statements.set(0);
    }

    public static int count() {
        return statements.get();
    }

    /**
     * Imported by {@link IntegrationTest}. Deliberately not annotated: a plain class named in {@code @Import} is
     * registered with its {@code @Bean} methods, and without an annotation component scanning never picks it up.
     */
    public static class Config {

        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof DataSource dataSource) || bean instanceof Proxy) {
                        return bean;
                    }
                    return Proxy.newProxyInstance(QueryCounter.class.getClassLoader(),
                            new Class<?>[] { DataSource.class, java.io.Closeable.class }, (proxy, method, args) -> {
                                if (method.getName().equals("close") && dataSource instanceof java.io.Closeable c) {
                                    c.close();
                                    return null;
                                }
                                Object result = invoke(method, dataSource, args);
                                return result instanceof Connection connection ? counting(connection) : result;
                            });
                }
            };
        }

        private static Connection counting(Connection connection) {
            return (Connection) Proxy.newProxyInstance(QueryCounter.class.getClassLoader(),
                    new Class<?>[] { Connection.class }, (proxy, method, args) -> {
                        if (method.getName().equals("prepareStatement") || method.getName().equals("createStatement")
                                || method.getName().equals("prepareCall")) {
                            statements.incrementAndGet();
                        }
                        return invoke(method, connection, args);
                    });
        }

        private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            }
            catch (InvocationTargetException ex) {
                throw ex.getCause();
            }
        }
    }
}
