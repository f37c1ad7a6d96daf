import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { callApi, type ApiTransport } from '../../../shared/api/client.js';
import type { ApiInput } from '../../../shared/api/inputs.js';
import type { ApiMethod } from '../../../shared/api/methods.js';
import type { ApiResults } from '../../../shared/api/contract.js';

export interface Api {
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResults[M]>;
}

const ApiContext = createContext<Api | null>(null);

export function ApiProvider({ transport, children }: { transport: ApiTransport; children: ReactNode }) {
  const api = useMemo<Api>(() => ({ call: (method, input) => callApi(transport, method, input) }), [transport]);
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

/** The one way a screen reaches the register. */
export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}
