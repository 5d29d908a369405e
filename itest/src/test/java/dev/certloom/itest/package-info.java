/**
 * Tests that run inside a real Felix with the Certloom bundles, started by bnd's JUnit
 * Platform tester; osgi-test injects the bundle context and the services.
 */
package dev.certloom.itest;
