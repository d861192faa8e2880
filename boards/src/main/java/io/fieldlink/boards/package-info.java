/**
 * The board model: a board variant read from its definition file. Portable (Java 7); imports
 * nothing but the JDK allow-list.
 */
package io.fieldlink.boards;
