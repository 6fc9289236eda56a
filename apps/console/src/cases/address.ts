import type { Address } from '../dataProvider/types';

/** "广东省 深圳市 南山区 科技园路 1 号" */
export const addressLine = ({ province, city, district, detail }: Address) =>
  [province, city === province ? '' : city, district, detail].filter(Boolean).join(' ');
