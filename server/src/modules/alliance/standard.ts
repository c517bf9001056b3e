import type { CategoryCode } from '@alliance/shared';

/*
 * What every alliance starts with (the platform's bootstrap command and the
 * demo data alike): the three shelf categories, and how grids are named.
 */

export const CATEGORIES: { code: CategoryCode; name: string }[] = [
  { code: 'PARTY_MASS_SERVICE', name: '党群服务' },
  { code: 'ENVIRONMENT_SANITATION', name: '环境卫生' },
  { code: 'LIVELIHOOD_SECURITY', name: '民生保障' },
];

const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
export const gridName = (i: number) => `第${CN_NUMBERS[i] ?? i + 1}网格`;
