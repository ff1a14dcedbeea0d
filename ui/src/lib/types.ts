/**
 * The IPC types the UI works with, re-exported from the TypeScript bindings
 * that ts-rs generates from the Rust types (`./bindings`, never edited by
 * hand), plus the value lists the UI iterates over (in the core's order,
 * from its vocabulary).
 */
export type { Ambassador } from './bindings/Ambassador';
export type { AmbassadorCoverage } from './bindings/AmbassadorCoverage';
export type { AmbassadorRole } from './bindings/AmbassadorRole';
export type { Analysis } from './bindings/Analysis';
export type { Answer } from './bindings/Answer';
export type { AppState } from './bindings/AppState';
export type { Change } from './bindings/Change';
export type { Comparison } from './bindings/Comparison';
export type { ComparisonView } from './bindings/ComparisonView';
export type { DirectionChange } from './bindings/DirectionChange';
export type { ExportOptions } from './bindings/ExportOptions';
export type { Paper } from './bindings/Paper';
export type { Picture } from './bindings/Picture';
export type { Trend } from './bindings/Trend';
export type { Components } from './bindings/Components';
export type { Dimension } from './bindings/Dimension';
export type { DimensionWeights } from './bindings/DimensionWeights';
export type { Edit } from './bindings/Edit';
export type { ErrorPayload } from './bindings/ErrorPayload';
export type { Figure } from './bindings/Figure';
export type { Finding } from './bindings/Finding';
export type { FigureChange } from './bindings/FigureChange';
export type { FindingKind } from './bindings/FindingKind';
export type { GroupScores } from './bindings/GroupScores';
export type { Link } from './bindings/Link';
export type { Map } from './bindings/Map';
export type { MapState } from './bindings/MapState';
export type { MaturityStage } from './bindings/MaturityStage';
export type { MissingRoles } from './bindings/MissingRoles';
export type { OrganisationScores } from './bindings/OrganisationScores';
export type { PairScores } from './bindings/PairScores';
export type { Position } from './bindings/Position';
export type { Ratings } from './bindings/Ratings';
export type { Severity } from './bindings/Severity';
export type { SnapshotInfo } from './bindings/SnapshotInfo';
export type { Unit } from './bindings/Unit';
export type { UnitId } from './bindings/UnitId';
export type { UnitKind } from './bindings/UnitKind';
export type { UnitMove } from './bindings/UnitMove';
export type { UnitScores } from './bindings/UnitScores';
export type { Vocabulary } from './bindings/Vocabulary';
export type { Term } from './bindings/Term';
export type { FigureTerm } from './bindings/FigureTerm';

import { VOCABULARY } from './ipc/vocabulary';
import type { AmbassadorRole } from './bindings/AmbassadorRole';
import type { Dimension } from './bindings/Dimension';
import type { MaturityStage } from './bindings/MaturityStage';
import type { Ratings } from './bindings/Ratings';
import type { UnitKind } from './bindings/UnitKind';

export const DIMENSIONS: Dimension[] = VOCABULARY.dimensions.map((t) => t.key);
export const UNIT_KINDS: UnitKind[] = VOCABULARY.kinds.map((t) => t.key);
export const ROLES: AmbassadorRole[] = VOCABULARY.roles.map((t) => t.key);
export const MATURITY_STAGES: MaturityStage[] = VOCABULARY.maturity.map((t) => t.key);

/** Ratings with every dimension unrated. */
export function unrated(): Ratings {
  return { frequency: null, why: null, listening: null, trust: null };
}
