/** The two Electron IPC channels: every contract call goes through one, every pushed event through the other. */
export const IPC_CALL_CHANNEL = 'brief:call';
export const IPC_EVENT_CHANNEL = 'brief:event';
