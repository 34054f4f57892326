export * from './engine';
export * from './recorder';
export * from './binaryItems';
export * from './secretScan';
