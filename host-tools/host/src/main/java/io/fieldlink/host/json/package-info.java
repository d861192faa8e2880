/**
 * A small strict JSON reader ({@link io.fieldlink.host.json.JsonReader}) and writer
 * ({@link io.fieldlink.host.json.JsonWriter}) for the HTTP API and SenML-JSON. JDK only.
 */
package io.fieldlink.host.json;
