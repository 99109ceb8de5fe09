import QuickChartModule from 'quickchart-js';

/**
 * quickchart-js ships ESM whose default export is the class, with CommonJS-style typings, so
 * TypeScript under NodeNext sees `{ default: QuickChart }`. One cast here, typed everywhere else.
 */
type QuickChartClass = typeof QuickChartModule.default;
export const QuickChart = QuickChartModule as unknown as QuickChartClass;
export type QuickChart = InstanceType<QuickChartClass>;
