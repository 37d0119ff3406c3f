// Reads the routes and socket events from the running application, so new ones are covered automatically.
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { GATEWAY_METADATA, GATEWAY_OPTIONS, MESSAGE_METADATA } from '@nestjs/websockets/constants';
import type { Namespace } from 'socket.io';
import { ACCESS_RULE, type AccessRule } from '../../../apps/api/src/identity/access.decorator';
import { RATE_LIMIT } from '../../../apps/api/src/common/rate-limit/rate-limit.decorator';
import type { TestApp } from '../../support/app';

export interface HttpRoute {
  method: string;
  path: string;
  handler: string;
  rule: AccessRule | undefined;
  rateLimit: string | undefined;
}

const paths = (value: unknown): string[] => (Array.isArray(value) ? value : [value ?? '']).map(String);
const joinPath = (...parts: string[]) => '/' + parts.map((p) => p.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/');

/** Every controller method of every module with its path, verb and access rule (handler rule overrides class rule). */
export function httpRoutes(app: TestApp): HttpRoute[] {
  const routes: HttpRoute[] = [];
  for (const module of app.podium.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...a: unknown[]) => unknown) | null;
      if (!controller) continue;
      const base = paths(Reflect.getMetadata(PATH_METADATA, controller));
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const fn = controller.prototype[name];
        if (name === 'constructor' || typeof fn !== 'function' || !Reflect.hasMetadata(PATH_METADATA, fn)) continue;
        const verb = RequestMethod[Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod];
        const rule = (Reflect.getMetadata(ACCESS_RULE, fn) ?? Reflect.getMetadata(ACCESS_RULE, controller)) as AccessRule | undefined;
        const rateLimit = Reflect.getMetadata(RATE_LIMIT, fn) ?? Reflect.getMetadata(RATE_LIMIT, controller);
        for (const b of base) for (const p of paths(Reflect.getMetadata(PATH_METADATA, fn))) {
          routes.push({ method: verb, path: joinPath(b, p), handler: `${controller.name}.${name}`, rule, rateLimit });
        }
      }
    }
  }
  return routes;
}

export interface SocketEvents {
  namespace: string;
  /** Events with a @SubscribeMessage handler. */
  decorated: string[];
  gateway: string;
}

/** Gateways and their @SubscribeMessage events, from provider metadata. */
export function gateways(app: TestApp): SocketEvents[] {
  const out: SocketEvents[] = [];
  for (const module of app.podium.app.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values()) {
      const type = wrapper.metatype as (new (...a: unknown[]) => unknown) | null;
      if (!type || typeof type !== 'function' || !Reflect.getMetadata(GATEWAY_METADATA, type)) continue;
      const options = (Reflect.getMetadata(GATEWAY_OPTIONS, type) ?? {}) as { namespace?: string };
      const decorated = Object.getOwnPropertyNames(type.prototype)
        .map((n) => type.prototype[n])
        .filter((fn) => typeof fn === 'function' && Reflect.hasMetadata(MESSAGE_METADATA, fn))
        .map((fn) => String(Reflect.getMetadata(MESSAGE_METADATA, fn)));
      out.push({ namespace: options.namespace ?? '/', decorated, gateway: type.name });
    }
  }
  return out;
}

/** The live socket.io namespaces Nest created (its sockets container: the only handle on them). */
export function liveNamespaces(app: TestApp): Map<string, Namespace> {
  const socketModule = (app.podium.app as unknown as { socketModule?: { socketsContainer?: { getAll(): Map<unknown, { server: Namespace }> } } }).socketModule;
  const all = socketModule?.socketsContainer?.getAll();
  if (!all) throw new Error('cannot reach the socket servers of the app (Nest internals changed?)');
  const out = new Map<string, Namespace>();
  for (const host of all.values()) out.set(host.server.name ?? '/', host.server);
  return out;
}

const RESERVED = new Set(['disconnect', 'disconnecting', 'error', 'newListener', 'removeListener']);

/** The events a connected server-side socket listens to: @SubscribeMessage and handlers added in handleConnection. */
export function listenedEvents(namespace: Namespace): string[] {
  const socket = [...namespace.sockets.values()][0];
  if (!socket) throw new Error(`no connected socket on ${namespace.name} to read its handlers from`);
  return (socket.eventNames() as (string | symbol)[]).filter((e): e is string => typeof e === 'string' && !RESERVED.has(e)).sort();
}
