package io.fieldlink.firmware.jvm.pack;

import java.util.List;

/**
 * What {@link ImagePackager#build} wrote.
 *
 * @param board the board name
 * @param version the firmware version the signed manifest names
 * @param imageFile the firmware image (the jar a slot runs), relative to the output directory
 * @param keyId the issuer key id (hex) that signed {@link ImagePackager#MANIFEST}
 * @param files every file of the output directory, relative with '/' separators, sorted
 */
public record PackagedImage(String board, String version, String imageFile, String keyId, List<String> files) {
    /** Copies the list. */
    public PackagedImage {
        files = List.copyOf(files);
    }
}
