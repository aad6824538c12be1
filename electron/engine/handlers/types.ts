import type { z } from 'zod';
import type { MethodName, MethodResult, Methods } from '../../../shared/contract.ts';

/** A handler receives its arguments already parsed by the contract's schema. */
export type Handler<M extends MethodName> = (
  args: z.output<Methods[M]['args']>,
) => MethodResult<M> | Promise<MethodResult<M>>;

export type Handlers = { [M in MethodName]: Handler<M> };
export type SomeHandlers<K extends MethodName> = { [M in K]: Handler<M> };
