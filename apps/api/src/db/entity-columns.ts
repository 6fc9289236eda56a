import {
  ReferenceKind,
  type EntityDictionary,
  type EntityManager,
  type EntityName,
} from '@mikro-orm/core';

/**
 * The columns of one entity inside a hand-written statement that reads several entities per
 * row: selected as `<alias>.<column> as "<prefix>__<column>"`, and read back out of a row so
 * `em.map` can turn them into a managed entity. Hot read paths use it to join what a page
 * shows into one statement instead of one statement per relation.
 */
export interface EntityColumns<T> {
  readonly entity: EntityName<T>;
  readonly table: string;
  readonly alias: string;
  /** Each column: its name, its label in the row, its database type. */
  readonly columns: readonly { name: string; label: string; type: string }[];
  /** The select list, e.g. `k.id as "k__id", k.case_id as "k__case_id"`. */
  readonly select: string;
  /** The column of a row under its own name, or null when the row has no such entity (an outer join's miss). */
  read(row: Record<string, unknown>): T | null;
}

export function entityColumns<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  alias: string,
): EntityColumns<T> {
  const meta = em.getMetadata().get(entity);
  const columns = meta.props
    .filter(
      (prop) =>
        prop.persist !== false &&
        (prop.kind === ReferenceKind.SCALAR ||
          prop.kind === ReferenceKind.MANY_TO_ONE ||
          (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)),
    )
    .flatMap((prop) =>
      prop.fieldNames.map((name, i) => ({
        name,
        label: `${alias}__${name}`,
        type: prop.columnTypes[i]!,
      })),
    );
  const primary = `${alias}__${meta.getPrimaryProps()[0]!.fieldNames[0]!}`;
  return {
    entity,
    table: meta.tableName,
    alias,
    columns,
    select: columns.map((c) => `${alias}.${c.name} as "${c.label}"`).join(', '),
    read(row) {
      if (row[primary] == null) return null;
      const data: Record<string, unknown> = {};
      for (const column of columns) data[column.name] = row[column.label];
      // As em.find makes its rows managed entities (em.map would also merge, which re-encodes
      // every property for a change-tracking snapshot, encrypted personal data included).
      return em
        .getEntityFactory()
        .create<T>(entity, em.getDriver().mapResult(data as EntityDictionary<T>, meta) as never, {
          merge: true,
          refresh: true,
          convertCustomTypes: true,
        });
    },
  };
}
