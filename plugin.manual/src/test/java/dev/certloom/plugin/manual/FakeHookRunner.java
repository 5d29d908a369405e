package dev.certloom.plugin.manual;

import dev.certloom.api.hook.HookRunner;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** A hook runner that records each call and answers with results given in advance. */
final class FakeHookRunner implements HookRunner {

    /** One recorded call. */
    record Call(String what, String command, Map<String, String> environment,
            Duration timeout) {
    }

    private final List<Call> calls = new ArrayList<>();
    private final Deque<HookResult> results = new ArrayDeque<>();

    /** Makes the next unanswered call return this result; later ones succeed silently. */
    FakeHookRunner then(int exitCode, String output, String errors) {
        results.add(new HookResult(exitCode, output, errors));
        return this;
    }

    @Override
    public HookResult run(String what, String command, Map<String, String> environment,
            Duration timeout) {
        calls.add(new Call(what, command, Map.copyOf(environment), timeout));
        HookResult next = results.poll();
        return next == null ? new HookResult(0, "", "") : next;
    }

    /** Returns every call so far, in order. */
    List<Call> calls() {
        return calls;
    }
}
