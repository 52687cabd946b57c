/** Where a run's history goes: core's recorder contract, which the store package implements. */
export type { RunHistoryRecorder as RunRecorder, RunRecorderFactory } from '@flakestorm/core';
