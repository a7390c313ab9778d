import Flux from './index.js';

export const { FluxError, FluxSignatureVerificationError, ListResult, DEFAULT_BASE_URL } = Flux;
export { Flux };
export default Flux;
