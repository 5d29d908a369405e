package dev.certloom.core.impl.cli;

import dev.certloom.api.CertloomException;
import dev.certloom.core.impl.engine.Engine;

/** Hands out the engine, which may come and go as the core's services do. */
@FunctionalInterface
interface EngineSource {

    /**
     * Returns the engine.
     *
     * @return the engine, never {@code null}
     * @throws CertloomException when no engine is running, saying so
     */
    Engine engine() throws CertloomException;
}
