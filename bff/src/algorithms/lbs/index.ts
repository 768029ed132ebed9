export * from './geofence';
export * from './opening-hours';
export * from './report-check';
export * from './store-index';
