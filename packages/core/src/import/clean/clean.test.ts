import { describe, expect, it } from 'vitest';
import { CITIES } from '../../../../../templates/shared/index.js';
import { normalizeEmail } from './normalize-email.js';
import { normalizePhone } from './normalize-phone.js';
import { normalizeLongText, normalizeText } from './normalize-text.js';
import { isoDate, isoInstant, parseDateParts } from './parse-date.js';
import { splitName } from './split-name.js';
import { standardizeAddress } from './standardize-address.js';

describe('phone numbers', () => {
  it.each([
    ['13812345678', '+8613812345678'],
    ['+86 138 1234 5678', '+8613812345678'],
    ['138-1234-5678', '+8613812345678'],
    ['0086 13812345678', '+8613812345678'],
    ['8613812345678', '+8613812345678'],
    ['１３８１２３４５６７８', '+8613812345678'],
    ['(+86)13812345678', '+8613812345678'],
    ['tel:+8613812345678', '+8613812345678'],
    ['0571-87654321', '+8657187654321'],
    ['010 6552 9988', '+861065529988'],
    ['021-54321234转808', '+862154321234'],
    ['+852 5123 4567', '+85251234567'],
    ['+1 415 555 2671', '+14155552671'],
  ])('reads %s as %s', (text, e164) => expect(normalizePhone(text)).toBe(e164));

  it.each(['12345', '138abc', '', '+1 555', '1381234567', '99999999999999999999999'])('refuses %j', (text) => expect(normalizePhone(text)).toBeUndefined());

  it('reads national numbers of another country when told', () => expect(normalizePhone('0412 345 678', 'AU')).toBe('+61412345678'));
});

describe('emails', () => {
  it.each([
    [' Li.Ming@163.COM ', 'li.ming@163.com'],
    ['ｌｉ＠１６３．ｃｏｍ', 'li@163.com'],
    ['mailto:a@b.cn', 'a@b.cn'],
    ['<a@b.cn>', 'a@b.cn'],
  ])('cleans %j', (text, email) => expect(normalizeEmail(text)).toBe(email));

  it.each(['foo@', 'no-at-sign.com', 'a@b@c.com', '@b.cn'])('refuses %j', (text) => expect(normalizeEmail(text)).toBeUndefined());
});

describe('text', () => {
  it('makes full-width letters and digits half-width, keeps Chinese punctuation, drops invisible characters and stray spaces', () => {
    expect(normalizeText('老客户，“重要”：（VIP）')).toBe('老客户，“重要”：（VIP）');
    expect(normalizeText('\u3000张 三 ')).toBe('张三');
    expect(normalizeText('ＡＢＣ１２３\u200b  x')).toBe('ABC123 x');
    expect(normalizeText('Zhang  San')).toBe('Zhang San');
    expect(normalizeLongText('  第一行 \r\n\r\n 第二行  ')).toBe('第一行\n\n第二行');
  });

  it('splits full names', () => {
    expect(splitName('张三丰')).toEqual({ family: '张', given: '三丰' });
    expect(splitName('欧阳修文')).toEqual({ family: '欧阳', given: '修文' });
    expect(splitName('欧阳')).toEqual({ family: '欧', given: '阳' });
    expect(splitName('John Smith')).toEqual({ family: 'Smith', given: 'John' });
    expect(splitName('Smith, John')).toEqual({ family: 'Smith', given: 'John' });
    expect(splitName('Madonna')).toEqual({ family: '', given: 'Madonna' });
  });
});

describe('dates', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024.3.5', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['２０２４年３月５日', '2024-03-05'],
    ['20240305', '2024-03-05'],
    ['3/5/2024', '2024-03-05'],
    ['25/12/2024', '2024-12-25'],
    ['45356', '2024-03-05'],
  ])('reads %s', (text, iso) => expect(isoDate(parseDateParts(text)!)).toBe(iso));

  it('reads an ambiguous day-first date when told', () => expect(isoDate(parseDateParts('03/05/2024', 'DMY')!)).toBe('2024-05-03'));

  it.each(['2023-02-30', '2024-13-01', '明天', '13/13/2020', '2024-03-05 25:00', '123'])('refuses %j', (text) => expect(parseDateParts(text)).toBeUndefined());

  it('places wall-clock times in the workspace time zone, given offsets as given', () => {
    expect(isoInstant(parseDateParts('2024-03-05 14:30')!, 'Asia/Shanghai')).toBe('2024-03-05T06:30:00.000Z');
    expect(isoInstant(parseDateParts('2024-03-05T14:30:15Z')!, 'Asia/Shanghai')).toBe('2024-03-05T14:30:15.000Z');
    expect(isoInstant(parseDateParts('2024-03-05 14:30+02:00')!, 'Asia/Shanghai')).toBe('2024-03-05T12:30:00.000Z');
    expect(isoInstant(parseDateParts('2024-07-01 09:00')!, 'America/New_York')).toBe('2024-07-01T13:00:00.000Z');
    expect(isoInstant(parseDateParts('2024-03-05 14时30分')!, 'Asia/Shanghai')).toBe('2024-03-05T06:30:00.000Z');
  });
});

describe('Chinese addresses', () => {
  it.each([
    ['浙江杭州西湖区文三路100号', '浙江省', '杭州市', '西湖区', '文三路100号'],
    ['浙江省杭州市西湖区 文三路 100 号', '浙江省', '杭州市', '西湖区', '文三路 100 号'],
    ['杭州西湖区', '浙江省', '杭州市', '西湖区', ''],
    ['余杭区五常街道', '浙江省', '杭州市', '余杭区', '五常街道'],
    ['北京朝阳区建国路1号', '北京市', '北京市', '朝阳区', '建国路1号'],
    ['北京市北京市海淀区中关村', '北京市', '北京市', '海淀区', '中关村'],
    ['江苏南京鼓楼区中山路', '江苏省', '南京市', '鼓楼区', '中山路'],
    ['福建福州鼓楼区', '福建省', '福州市', '鼓楼区', ''],
    ['山东济南市中区经十路', '山东省', '济南市', '市中区', '经十路'],
    ['内蒙古呼和浩特新城区', '内蒙古自治区', '呼和浩特市', '新城区', ''],
    ['恩施州利川市', '湖北省', '恩施土家族苗族自治州', '利川市', ''],
  ])('standardises %s', (text, province, city, district, street) => {
    expect(standardizeAddress(text)).toEqual({ province, city, district, street });
  });

  it('keeps what it cannot place, and never guesses between divisions of one name', () => {
    expect(standardizeAddress('随便写的地址')).toEqual({ street: '随便写的地址' });
    // 朝阳区 is in Beijing and in Changchun; 朝阳 alone is a city of Liaoning, but 朝阳区 is not it.
    expect(standardizeAddress('朝阳区建国路')).toEqual({ street: '朝阳区建国路' });
    expect(standardizeAddress('湖北仙桃市干河街道')).toEqual({ province: '湖北省', city: '仙桃市', street: '干河街道' });
  });

  it('knows every district of the sample data', () => {
    for (const city of CITIES.all) {
      for (const district of city.districts) {
        expect(standardizeAddress(`${city.name}${district}人民路1号`), `${city.name}${district}`).toEqual({ province: city.province, city: city.name, district, street: '人民路1号' });
      }
    }
  });
});
