package io.procspec.stress.tools;

import io.procspec.stress.Configs;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;

import java.lang.reflect.Method;
import java.util.ArrayList;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Which step labels the jcstress tests go through, for the report's traceability table: each test
 * is instantiated once in this JVM and its actors run one after the other (in name order), then its
 * arbiter, with {@link Configs#LABELS} counting the labels. jcstress itself runs the actors at once,
 * in forked JVMs, with the no-op hook; this pass only says which steps the tests exercise.
 *
 * <p>Needs {@code -Dprocspec.stress.labels=true} before the first test class loads
 * ({@link StressRun} sets it when it writes a layer part).
 */
final class LabelPass {
    private LabelPass() {}

    /** label to count, over every test of {@code tests} (fully qualified names). */
    static Map<String, Long> run(Collection<String> tests, List<String> problems) {
        Map<String, Long> out = new TreeMap<>();
        if (Configs.LABELS == null) {
            problems.add("label pass off: procspec.stress.labels was not set before the tests loaded");
            return out;
        }
        ExecutorService ex = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "label-pass");
            t.setDaemon(true);
            return t;
        });
        try {
            for (String test : tests) {
                Future<?> f = ex.submit(() -> {
                    runOnce(test);
                    return null;
                });
                try {
                    f.get(10, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    f.cancel(true);
                    problems.add(test + ": its actors did not finish one after the other within 10 s");
                } catch (Exception e) {
                    problems.add(test + ": " + (e.getCause() == null ? e : e.getCause()));
                }
            }
        } finally {
            ex.shutdownNow();
        }
        Configs.LABELS.counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    private static void runOnce(String test) throws Exception {
        Class<?> c = Class.forName(test);
        Object state = c.getDeclaredConstructor().newInstance();
        List<Method> actors = new ArrayList<>();
        Method arbiter = null;
        for (Method m : c.getDeclaredMethods()) {
            if (m.isAnnotationPresent(Actor.class)) {
                actors.add(m);
            } else if (m.isAnnotationPresent(Arbiter.class)) {
                arbiter = m;
            }
        }
        actors.sort(Comparator.comparing(Method::getName));
        Object result = null;
        for (Method m : actors) {
            result = invoke(m, state, result);
        }
        if (arbiter != null) {
            invoke(arbiter, state, result);
        }
    }

    /** Calls an actor with a result object of its parameter type (one shared by all, as jcstress does). */
    private static Object invoke(Method m, Object state, Object result) throws Exception {
        Class<?>[] params = m.getParameterTypes();
        Object[] args = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            if (result == null || !params[i].isInstance(result)) {
                result = params[i].getDeclaredConstructor().newInstance();
            }
            args[i] = result;
        }
        m.setAccessible(true);
        m.invoke(state, args);
        return result;
    }

}
