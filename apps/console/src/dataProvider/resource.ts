import type {
  CreateParams,
  CreateResult,
  DeleteManyParams,
  DeleteManyResult,
  DeleteParams,
  DeleteResult,
  GetListParams,
  GetListResult,
  GetManyParams,
  GetManyReferenceParams,
  GetManyReferenceResult,
  GetManyResult,
  GetOneParams,
  GetOneResult,
  UpdateManyParams,
  UpdateManyResult,
  UpdateParams,
  UpdateResult,
} from 'react-admin';

/**
 * What one resource can do against the API: the data-provider methods it implements, each
 * taking react-admin's params. A method left out rejects with a "not supported yet" error.
 */
export interface ResourceHandlers {
  getList?(params: GetListParams): Promise<GetListResult>;
  getOne?(params: GetOneParams): Promise<GetOneResult>;
  getMany?(params: GetManyParams): Promise<GetManyResult>;
  getManyReference?(params: GetManyReferenceParams): Promise<GetManyReferenceResult>;
  update?(params: UpdateParams): Promise<UpdateResult>;
  updateMany?(params: UpdateManyParams): Promise<UpdateManyResult>;
  create?(params: CreateParams): Promise<CreateResult>;
  delete?(params: DeleteParams): Promise<DeleteResult>;
  deleteMany?(params: DeleteManyParams): Promise<DeleteManyResult>;
}

export type DataProviderMethod = keyof ResourceHandlers;
