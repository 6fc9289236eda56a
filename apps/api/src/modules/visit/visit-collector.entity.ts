import { Entity, ManyToOne, PrimaryKeyProp, type Ref, Index } from '@mikro-orm/core';
import { Institution } from '../institution/institution.entity.js';
import { User } from '../user/user.entity.js';
import { Visit } from './visit.entity.js';

/** A collector on a visit. An explicit pivot so it carries the institution like every tenant row. */
@Entity()
@Index({ properties: ['institution', 'user'] })
export class VisitCollector {
  [PrimaryKeyProp]?: ['visit', 'user'];

  @ManyToOne(() => Visit, { primary: true, ref: true, deleteRule: 'cascade' })
  visit!: Ref<Visit>;

  @ManyToOne(() => User, { primary: true, ref: true })
  user!: Ref<User>;

  @ManyToOne(() => Institution, { ref: true })
  institution!: Ref<Institution>;
}
