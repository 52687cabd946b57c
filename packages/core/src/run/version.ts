/** The version of Flakestorm recorded in every run's metadata and report. */
export const FLAKESTORM_VERSION = '0.1.0';
