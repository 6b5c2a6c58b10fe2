import type { City } from './cities.js';
import type { Random } from './random.js';

const MOBILE_PREFIXES = (
  '130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 158 159 ' +
  '173 175 176 177 178 180 181 182 183 185 186 187 188 189 191 193 195 198 199'
).split(' ');

/** A mainland mobile number in E.164 form, never one already in `used`. */
export function mobilePhone(rng: Random, used: Set<string>): string {
  for (;;) {
    const phone = `+86${rng.pick(MOBILE_PREFIXES)}${rng.digits(8)}`;
    if (!used.has(phone)) {
      used.add(phone);
      return phone;
    }
  }
}

/** A switchboard number in E.164 form: country code, area code without the trunk 0, 8 digits. */
export function landline(rng: Random, city: City): string {
  return `+86${city.areaCode}${rng.int(2, 8)}${rng.digits(7)}`;
}
