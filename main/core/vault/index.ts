/** The key vault: admin keys live only in the OS keychain. Pure; adapters implement the ports. */
export * from './errors';
export * from './ports';
export * from './key-shape';
export * from './keychain-errors';
export * from './profiles';
export * from './connect-key';
export * from './resolve-key';
export * from './vault';
