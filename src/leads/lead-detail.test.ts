import { describe, expect, it } from 'vitest';
import { maskSubject, maskText } from './lead-detail.js';

describe('masking personal data in lead texts', () => {
  it('masks ID numbers and mobile numbers wherever they stand in a text', () => {
    expect(maskText('张三（52020319850612123X）于2024-01-05入住，电话13885123456。')).toBe('张三（520203********123X）于2024-01-05入住，电话138****3456。');
    expect(maskText('15 位号码 520203850612123 与 +86 13885123456')).toBe('15 位号码 520203*****2123 与 +86 138****3456');
  });

  it('leaves case numbers, credit codes, amounts and dates alone', () => {
    const text = '案号A2019-001，统一社会信用代码91520100MA6DKQ4R2X，金额123456.78元，2024-06-30，编号202406300001234567890';
    expect(maskText(text)).toBe(text);
  });

  it('masks the names it is given, longest first, and only those', () => {
    expect(maskText('欧阳娜娜与欧阳同住；王五不在名单', ['欧阳娜娜', '欧阳'])).toBe('欧***与欧*同住；王五不在名单');
  });

  it('masks subject values that are ID numbers, phones or known names', () => {
    expect(maskSubject({ 'c.id_number': '52020319850612123X', 'c.hotel_code': 'H001', 'c.person_name': '李四' }, ['李四'])).toEqual({
      'c.id_number': '520203********123X',
      'c.hotel_code': 'H001',
      'c.person_name': '李*',
    });
  });
});
