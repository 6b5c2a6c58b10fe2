import type { Ajv2020 } from 'ajv/dist/2020.js';
import { createAjv } from './schema-registry.js';
import { isPhoneNumber } from './phone-format.js';

const decimalText = /^-?(\d+)(?:\.(\d+))?$/;

/** True when the value is an exact decimal with at most `precision` digits, `scale` of them after the point. */
export function fitsDecimal(value: unknown, precision: number, scale: number): boolean {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : typeof value === 'string' ? value : '';
  const match = decimalText.exec(text);
  if (!match) return false;
  const whole = match[1]!.replace(/^0+(?=\d)/, '');
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  return fraction.length <= scale && whole.length <= precision - scale;
}

/** Precision, scale and optional bounds of an exact number, as the `decimal` keyword takes them. */
export interface DecimalShape {
  precision: number;
  scale: number;
  min?: number;
  max?: number;
}

function decimalError(shape: DecimalShape, value: unknown): object | undefined {
  if (value === null) return undefined;
  if (!fitsDecimal(value, shape.precision, shape.scale)) return { keyword: 'decimal', params: shape, message: 'decimal' };
  const numeric = Number(value);
  if (shape.min !== undefined && numeric < shape.min) return { keyword: 'minimum', params: { limit: shape.min }, message: 'minimum' };
  if (shape.max !== undefined && numeric > shape.max) return { keyword: 'maximum', params: { limit: shape.max }, message: 'maximum' };
  return undefined;
}

/**
 * The ajv instance that record validators are compiled with: JSON Schema 2020-12 plus the
 * `decimal` keyword (exact numbers given as strings or numbers) and the `phone` format.
 */
export function createRecordAjv(): Ajv2020 {
  const ajv = createAjv();
  ajv.addFormat('phone', { type: 'string', validate: isPhoneNumber });
  ajv.addFormat('http-url', { type: 'string', validate: (value: string) => /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value) });
  ajv.addKeyword({
    keyword: 'decimal',
    schemaType: 'object',
    errors: true,
    validate: function decimal(shape: DecimalShape, value: unknown) {
      const error = decimalError(shape, value);
      if (!error) return true;
      (decimal as unknown as { errors: object[] }).errors = [error];
      return false;
    },
  });
  return ajv;
}
