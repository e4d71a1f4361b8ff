import { serveUntilStopped } from './childLink.js';
import { startEngineStub } from './engineStub.js';

// The engine stub in its own process, so its work neither slows the carrier's pacing nor counts as the bridge's.
const stub = await startEngineStub();
serveUntilStopped(stub.port, () => stub.close());
