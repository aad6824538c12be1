import type { z } from 'zod';
import type { EngineMethodName, MethodName, MethodResult, Methods } from '../../../shared/contract.ts';

/** A handler receives its arguments already parsed by the contract's schema. */
export type Handler<M extends MethodName> = (
  args: z.output<Methods[M]['args']>,
) => MethodResult<M> | Promise<MethodResult<M>>;

/** A handler for every method the engine answers; the host-only ones (HostMark in the contract) have none. */
export type Handlers = { [M in EngineMethodName]: Handler<M> };
export type SomeHandlers<K extends EngineMethodName> = { [M in K]: Handler<M> };
