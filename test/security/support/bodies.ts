// Which routes read a request body, and through which DTO class, from the controllers' own metadata.
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { getMetadataStorage } from 'class-validator';
import type { TestApp } from '../../support/app';

export interface BodyParam {
  handler: string;
  /** The declared type of the @Body() parameter (Object when it is not a class). */
  type: unknown;
}

/** Every @Body() parameter of every controller method, keyed by 'Controller.method'. */
export function bodyParams(app: TestApp): Map<string, BodyParam> {
  const out = new Map<string, BodyParam>();
  for (const module of app.podium.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...a: unknown[]) => unknown) | null;
      if (!controller) continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, { index: number; data?: unknown }>;
        const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, name) ?? []) as unknown[];
        for (const [key, arg] of Object.entries(args)) {
          if (Number(key.split(':')[0]) !== RouteParamtypes.BODY) continue;
          out.set(`${controller.name}.${name}`, { handler: `${controller.name}.${name}`, type: types[arg.index] });
        }
      }
    }
  }
  return out;
}

const BOUNDING = new Set(['isLength', 'maxLength', 'isIn', 'isEnum', 'isUUID', 'matches', 'isBoolean', 'isInt', 'isNumber', 'max', 'isDateString', 'isISO8601', 'isTimeZone', 'arrayMaxSize', 'isEmail', 'isUrl']);
const ANY_STRING = new Set(['isString', 'isNotEmpty', 'isOptional', 'isDefined', 'whitelistValidation', 'conditionalValidation']);

/** Properties of a DTO (and its nested DTOs) that accept text or lists of unbounded size. */
export function unboundedFields(dto: Function, prefix = '', seen = new Set<Function>()): string[] {
  if (seen.has(dto)) return [];
  seen.add(dto);
  const metas = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const byProperty = new Map<string, { names: Set<string>; nested: Function[]; each: boolean }>();
  for (const m of metas) {
    const entry = byProperty.get(m.propertyName) ?? { names: new Set(), nested: [], each: false };
    entry.names.add(m.name ?? m.type);
    if (m.type === 'nestedValidation' && m.target) {
      const t = Reflect.getMetadata('design:type', (dto as { prototype: object }).prototype, m.propertyName);
      if (typeof t === 'function' && t !== Array && t !== Object) entry.nested.push(t);
    }
    if (m.each) entry.each = true;
    byProperty.set(m.propertyName, entry);
  }
  const problems: string[] = [];
  for (const [property, { names, nested }] of byProperty) {
    const field = prefix + property;
    if (nested.length) problems.push(...nested.flatMap((n) => unboundedFields(n, `${field}.`, seen)));
    const isList = names.has('isArray');
    if (isList && !names.has('arrayMaxSize')) problems.push(`${field}: list without arrayMaxSize`);
    const bounded = [...names].some((n) => BOUNDING.has(n));
    const onlyLoose = [...names].every((n) => ANY_STRING.has(n) || n === 'isArray' || n === 'arrayMaxSize' || n === 'nestedValidation' || n === 'arrayMinSize');
    if (!bounded && onlyLoose && !nested.length) problems.push(`${field}: no size bound (${[...names].join(', ')})`);
  }
  return problems;
}

export function isValidatedClass(type: unknown): type is Function {
  return typeof type === 'function' && type !== Object && getMetadataStorage().getTargetValidationMetadatas(type, '', true, false).length > 0;
}
