/**
 * Time-of-use tariffs: defined once (bands of a day, each with a price per kWh), assigned to meters
 * from an instant on (changes scheduled ahead), pushed to the meter as signed TARIFF commands, and the
 * band in force at an instant for the books. Domain code: no MapDB, NanoHTTPD or Californium imports.
 */
package io.fieldlink.host.billing.tariff;
