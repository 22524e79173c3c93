export { captureLogger, type CapturedLogs } from './captureLogger.js';
export { FlakyStore } from './FlakyStore.js';
export { newClient, waitForText, type TestClient } from './newClient.js';
export { newDataDir, newServer, type TestServer } from './newServer.js';
export { encodeUpdateFrame, newRawClient, type RawClient, type RawMessage } from './newRawClient.js';
export { newTrpcClient, type TestTrpcClient } from './newTrpcClient.js';
export { spawnServer, type ServerProcess } from './spawnServer.js';
export { waitFor } from './waitFor.js';
export * from './runCanevas.js';
