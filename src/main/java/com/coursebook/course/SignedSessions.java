package com.coursebook.course;

import java.util.Collection;
import java.util.Set;

/**
 * Which sessions carry a signed note. A signed note is the clinician's record of what happened at that time, so
 * its session may no longer be moved or cancelled. Course declares what it needs and the module that owns the notes
 * ({@code notes}, which already depends on course) provides it, so course never reads the notes' table.
 */
public interface SignedSessions {

    /** The ids among {@code sessionIds} whose note is signed. */
    Set<Long> among(Collection<Long> sessionIds);
}
