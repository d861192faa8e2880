package io.fieldlink.host.firmware;

/**
 * A board's latest firmware update state as the host knows it.
 *
 * @param deviceId the board
 * @param version the version the update is about
 * @param state {@code offered} (queued by a rollout, no report yet), then what the board reported:
 *     {@code downloading}, {@code installed}, {@code healthy}, {@code rolled-back}, {@code refused},
 *     {@code failed}
 * @param reason the board's reason for a refusal, failure or rollback; empty otherwise
 * @param commandId the command that offered it (0 when the board reported without one)
 * @param updatedAt epoch ms of the report (the board's time) or of the offer (the host's)
 */
public record FirmwareStatus(String deviceId, String version, String state, String reason, long commandId,
        long updatedAt) {
    /** The host queued the update; the board has not reported yet. */
    public static final String OFFERED = "offered";
}
