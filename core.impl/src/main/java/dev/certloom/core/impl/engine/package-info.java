/**
 * The engine: the operations behind every command and the embedders' certificate
 * service, in the order DESIGN.md gives them (account, order, authorization, key and CSR,
 * finalization, storage).
 */
package dev.certloom.core.impl.engine;
