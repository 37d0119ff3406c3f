export * from './languages';
export * from './channels';
