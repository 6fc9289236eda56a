import { HttpError } from 'react-admin';
import { describe, expect, it } from 'vitest';

import { defineOperation, type GraphqlClient } from './graphqlClient';
import { parse } from './params';
import {
  fixedOrderList,
  listHandlers,
  readById,
  readThroughList,
  type ListVariables,
} from './resource';
import type { Connection } from './types';

interface Thing {
  id: string;
  name: string;
}

const THINGS_QUERY = defineOperation<
  { things: Connection<Thing> },
  ListVariables<{ name?: string }>
>('query Things { things { nodes { id name } totalCount } }');

/** A client that answers every request with `answer(variables)` and records the variables. */
const clientAnswering = (answer: (variables: Record<string, unknown>) => unknown) => {
  const calls: Record<string, unknown>[] = [];
  const client: GraphqlClient = {
    request: async (_operation, variables) => {
      calls.push(variables);
      return answer(variables) as never;
    },
  };
  return { client, calls };
};

const things: Thing[] = [
  { id: 't1', name: 'one' },
  { id: 't2', name: 'two' },
];

describe('fixedOrderList', () => {
  const list = (client: GraphqlClient) =>
    fixedOrderList(client, 'thing', {
      query: THINGS_QUERY,
      field: 'things',
      filters: { q: ['name', parse.text] },
      order: { field: 'name', order: 'ASC' },
    });

  it("sends the page and the mapped filter, and answers the connection as react-admin's page", async () => {
    const { client, calls } = clientAnswering(() => ({
      things: { nodes: things, totalCount: 7 },
    }));
    const result = await list(client)({
      pagination: { page: 2, perPage: 5 },
      sort: { field: 'name', order: 'ASC' },
      filter: { q: ' two ', ignored: '' },
    });
    expect(calls).toEqual([{ offset: 5, limit: 5, filter: { name: 'two' } }]);
    expect(result).toEqual({ data: things, total: 7 });
  });

  it('refuses another order and an unknown filter before asking the API', async () => {
    const { client, calls } = clientAnswering(() => ({ things: { nodes: [], totalCount: 0 } }));
    await expect(
      list(client)({ pagination: { page: 1, perPage: 5 }, sort: { field: 'name', order: 'DESC' } }),
    ).rejects.toThrow(/cannot be sorted by "name" descending/);
    await expect(
      list(client)({ pagination: { page: 1, perPage: 5 }, filter: { colour: 'red' } }),
    ).rejects.toThrow(/cannot be filtered by "colour"/);
    expect(calls).toEqual([]);
  });
});

describe('listHandlers', () => {
  it('narrows the list to one target through its filter, and refuses other targets', async () => {
    const { client, calls } = clientAnswering(() => ({ things: { nodes: things, totalCount: 2 } }));
    const { getManyReference } = listHandlers(client, 'thing', {
      query: THINGS_QUERY,
      field: 'things',
      filters: { ownerId: ['ownerId', parse.text] },
      order: { field: 'name', order: 'ASC' },
      targets: ['ownerId'],
    });
    const page = {
      pagination: { page: 1, perPage: 10 },
      sort: { field: 'id', order: 'ASC' as const },
    };
    expect(await getManyReference({ ...page, target: 'ownerId', id: 'o1', filter: {} })).toEqual({
      data: things,
      total: 2,
    });
    expect(calls).toEqual([{ offset: 0, limit: 10, filter: { ownerId: 'o1' } }]);
    await expect(
      getManyReference({ ...page, target: 'caseId', id: 'c1', filter: {} }),
    ).rejects.toThrow(/cannot be narrowed to one "caseId"/);
  });
});

describe('readById', () => {
  it('reads one record by id, and several once each, leaving out the ones not found', async () => {
    const read = async (id: string) => {
      if (id === 'gone') throw new HttpError('gone', 404, { code: 'NOT_FOUND' });
      return things.find((thing) => thing.id === id);
    };
    const { getOne, getMany } = readById(read);
    expect(await getOne({ id: 't1' })).toEqual({ data: things[0] });
    expect(await getMany({ ids: ['t2', 'gone', 't2'] })).toEqual({ data: [things[1]] });
    await expect(getOne({ id: '' })).rejects.toThrow(/"id" must be an id/);
  });
});

describe('readThroughList', () => {
  const { getOne, getMany } = readThroughList<Thing>('Thing', async (offset, limit) => ({
    nodes: things.slice(offset, offset + limit),
    totalCount: things.length,
  }));

  it('finds records by id in the list', async () => {
    expect(await getOne({ id: 't2' })).toEqual({ data: things[1] });
    expect(await getMany({ ids: ['t2', 't1', 'nope'] })).toEqual({ data: things });
  });

  it('is NOT_FOUND for a record the list does not have', async () => {
    const error = await getOne({ id: 'nope' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ message: 'Thing nope does not exist.', status: 404 });
  });
});
