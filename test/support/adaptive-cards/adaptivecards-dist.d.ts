// The SDK's Node-loadable bundle has the same API as its (ESM, extensionless) lib entry.
declare module 'adaptivecards/dist/adaptivecards.js' {
  export * from 'adaptivecards';
}
