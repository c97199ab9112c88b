export * from './http-client.types';
