export * from './engine';
export * from './recorder';
export * from './binaryItems';
