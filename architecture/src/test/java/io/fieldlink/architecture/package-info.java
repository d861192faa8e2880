/**
 * The build gates that keep the design true: the portable modules reach only the JDK classes of
 * {@code build/portable-jdk-allowlist.txt} and none of the APIs of {@code build/portable-signatures.txt};
 * domain packages import no transport, storage or UI library; module arrows point one way. Each gate
 * is also run against a violating sample to show that it bites. Test code only.
 */
package io.fieldlink.architecture;
