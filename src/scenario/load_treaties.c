/* load_treaties.c — treaties.yaml and events.yaml: the agreements the model
 * can make or break, and the outside world's dated moves. */
#include <stdio.h>
#include <string.h>

#include "scenario/load.h"

static const char *clause_name(int i) { return hk_clause_type_name((hk_clause_type)i); }
static const char *effect_name(int i) { return hk_effect_name((hk_effect)i); }
static const char *condition_name(int i) { return hk_precondition_name((hk_precondition)i); }

/* `requires:` a list of {actor, form, text, source} or {condition, text, source}. */
static void load_requires(hk_loader *ld, hk_rec *tr, hk_treaty *t)
{
    static const char *const keys[] = {"actor", "form", "condition", "treaty", "text", "source", NULL};
    const hk_ynode *list = hk_rec_get(tr, "requires");
    if (!list)
        return;
    if (list->type != HK_Y_SEQ) {
        hk_load_error(ld, list->line, "'requires' of %s must be a list", tr->label);
        return;
    }
    for (int i = 0; i < list->n; i++) {
        hk_rec r;
        if (!hk_rec_open(&r, ld, list->items[i], "precondition", keys))
            continue;
        snprintf(r.label, sizeof r.label, "a precondition of %.100s", tr->label);
        if (t->n_requires == HK_MAX_REQUIREMENTS) {
            hk_load_error(ld, r.line, "too many preconditions in %s: at most %d are allowed",
                          tr->label, HK_MAX_REQUIREMENTS);
            return;
        }
        hk_requirement *q = &t->requires[t->n_requires++];
        memset(q, 0, sizeof *q);
        q->at = (hk_at){ld->path, r.line};
        q->actor = q->form = q->condition = q->treaty = -1;
        bool has_actor = hk_rec_get(&r, "actor") != NULL, has_cond = hk_rec_get(&r, "condition") != NULL;
        bool has_treaty = hk_rec_get(&r, "treaty") != NULL;
        if (has_actor + has_cond + has_treaty != 1)
            hk_load_error(ld, r.line, "%s names one of an 'actor' in a 'form', a 'condition' "
                          "(one of siberia_settled, manchuria_seized, china_war, comintern_hostile) or a "
                          "'treaty' that must be in force (a treaty listed before this one)", r.label);
        if (has_treaty && hk_rec_ref(&r, "treaty", true, T_TREATY, &q->treaty) > 0 && q->treaty == (int)(t - ld->s->treaties))
            hk_load_error(ld, hk_rec_get(&r, "treaty")->line, "%s cannot require the treaty itself", r.label);
        if (has_cond)
            hk_rec_enum(&r, "condition", true, "condition", condition_name, HK_PRE_COUNT,
                        &q->condition);
        if (has_actor && hk_rec_ref(&r, "actor", true, T_ACTOR, &q->actor) > 0) {
            const char *form = NULL;
            if (hk_rec_str(&r, "form", true, &form) > 0) {
                const hk_actor *a = &ld->s->actors[q->actor];
                for (int f = 0; f < a->n_forms; f++)
                    if (!strcmp(a->forms[f].id, form))
                        q->form = f;
                if (q->form < 0) {
                    char list_[160] = "";
                    for (int f = 0; f < a->n_forms; f++) {
                        size_t len = strlen(list_);
                        snprintf(list_ + len, sizeof list_ - len, "%s%s", f ? ", " : "",
                                 a->forms[f].id);
                    }
                    hk_load_error(ld, hk_rec_get(&r, "form")->line,
                                  "actor '%s' has no form '%.40s' (its forms in actors.yaml: %s)",
                                  a->id, form, a->n_forms ? list_ : "none");
                }
            }
        } else if (!has_actor && hk_rec_get(&r, "form")) {
            hk_load_error(ld, hk_rec_get(&r, "form")->line, "'form' needs the 'actor' it belongs to");
        }
        hk_rec_str(&r, "text", true, &q->text);
        hk_rec_source(&r, &q->source);
    }
}

static void load_clauses(hk_loader *ld, hk_rec *tr, hk_treaty *t)
{
    static const char *const keys[] = {"type", "text", "bars", "between", "months", "source", NULL};
    const hk_ynode *list = hk_rec_get(tr, "clauses");
    if (!list)
        return;
    if (list->type != HK_Y_SEQ) {
        hk_load_error(ld, list->line, "'clauses' of %s must be a list", tr->label);
        return;
    }
    for (int i = 0; i < list->n; i++) {
        hk_rec r;
        if (!hk_rec_open(&r, ld, list->items[i], "clause", keys))
            continue;
        snprintf(r.label, sizeof r.label, "a clause of %.100s", tr->label);
        if (t->n_clauses == HK_MAX_CLAUSES) {
            hk_load_error(ld, r.line, "too many clauses in %s: at most %d are allowed",
                          tr->label, HK_MAX_CLAUSES);
            return;
        }
        hk_clause *c = &t->clauses[t->n_clauses++];
        memset(c, 0, sizeof *c);
        c->at = (hk_at){ld->path, r.line};
        c->bars_type = -1;
        c->bars_parties[0] = c->bars_parties[1] = -1;
        int type = 0;
        hk_rec_enum(&r, "type", true, "clause type", clause_name, HK_CLAUSE_TYPE_COUNT, &type);
        c->type = (hk_clause_type)type;
        hk_rec_str(&r, "text", true, &c->text);
        int bars = hk_rec_enum(&r, "bars", false, "clause type", clause_name,
                               HK_CLAUSE_TYPE_COUNT, &c->bars_type);
        int n = 0;
        int between = hk_rec_refs(&r, "between", false, T_ACTOR, c->bars_parties, 2, &n);
        if (bars > 0 && between == 0)
            hk_load_error(ld, r.line, "%s bars a treaty but does not say 'between' whom", r.label);
        if (between != 0 && !hk_rec_get(&r, "bars"))
            hk_load_error(ld, r.line, "%s says 'between' but not which treaty it 'bars'", r.label);
        if (between > 0 && n != 2)
            hk_load_error(ld, hk_rec_get(&r, "between")->line, "'between' must name two actors");
        if (hk_rec_int(&r, "months", false, 0, 120, &c->months) > 0 && c->type != HK_CLAUSE_WITHDRAWAL)
            hk_load_error(ld, hk_rec_get(&r, "months")->line,
                          "%s gives 'months', which only a withdrawal clause has (the months its evacuation takes)",
                          r.label);
        hk_rec_source(&r, &c->source);
    }
}

/* Reports `later` when it comes before `earlier` (both optional). */
static void check_order(hk_loader *ld, hk_rec *r, const char *ek, hk_date earlier, const char *lk,
                        hk_date later)
{
    if (!hk_date_is_set(earlier) || !hk_date_is_set(later) || hk_date_order(earlier, later) <= 0)
        return;
    char a[11], b[11];
    hk_date_format(later, a);
    hk_date_format(earlier, b);
    const hk_ynode *v = hk_rec_get(r, lk);
    hk_load_error(ld, v ? v->line : r->line, "'%s' %s of %s comes before its '%s' %s", lk, a,
                  r->label, ek, b);
}

void hk_load_treaties(hk_loader *ld, const hk_ynode *root)
{
    static const char *const top[] = {"treaties", NULL};
    static const char *const keys[] = {"id", "name", "parties", "signed", "in_force",
                                       "duration_years", "duration_months", "notice_months",
                                       "price", "price_by", "pace_by", "price_text", "price_text_when", "price_text_else",
                                       "price_source", "denounced", "ended", "clauses", "requires", "source",
                                       NULL};
    hk_scenario *s = ld->s;
    if (!hk_file_open(ld, root, top))
        return;
    const hk_ynode *list = hk_file_list(ld, root, "treaties");
    for (int i = 0; list && i < list->n; i++) {
        hk_rec r;
        if (!hk_rec_open(&r, ld, list->items[i], "treaty", keys) ||
            !hk_table_room(ld, T_TREATY, r.line))
            continue;
        hk_treaty *t = &s->treaties[s->n_treaties];
        memset(t, 0, sizeof *t);
        t->at = (hk_at){ld->path, r.line};
        int ok = hk_rec_id(&r, T_TREATY, false, t->id);
        hk_rec_str(&r, "name", true, &t->name);
        if (hk_rec_refs(&r, "parties", true, T_ACTOR, t->parties, HK_MAX_PARTIES, &t->n_parties) >
                0 && t->n_parties < 2)
            hk_load_error(ld, hk_rec_get(&r, "parties")->line, "%s needs at least two parties",
                          r.label);
        hk_rec_date(&r, "signed", true, &t->signed_on);
        if (hk_rec_date(&r, "in_force", false, &t->in_force) == 0)
            t->in_force = t->signed_on;
        int years = 0, months = 0;
        int y = hk_rec_int(&r, "duration_years", false, 0, 100, &years);
        int m = hk_rec_int(&r, "duration_months", false, 0, 1200, &months);
        if (y > 0 && m > 0)
            hk_load_error(ld, r.line, "%s gives both 'duration_years' and 'duration_months'",
                          r.label);
        t->duration_months = y > 0 ? years * 12 : months;
        hk_rec_int(&r, "notice_months", false, 0, 1200, &t->notice_months);
        /* a term one party demands (the price of its signature), with its
         * value on the gain scale and where that comes from */
        t->price_by = -1;
        if (hk_rec_num(&r, "price", false, 0, 100, &t->price) > 0) {
            const char *src = NULL;
            /* the party that asks the price (`price_by`), or the one whose
             * consent sets the pace of the talks without one (`pace_by`);
             * neither: the party that gains least */
            t->price_asked = hk_rec_ref(&r, "price_by", false, T_ACTOR, &t->price_by) > 0;
            if (hk_rec_get(&r, "pace_by")) {
                if (t->price_asked)
                    hk_load_error(ld, hk_rec_get(&r, "pace_by")->line, "%s gives both 'price_by' and 'pace_by'",
                                  r.label);
                hk_rec_ref(&r, "pace_by", true, T_ACTOR, &t->price_by);
            }
            hk_rec_str(&r, "price_text", true, &t->price_text);
            /* what the talks were over may depend on the history: northern
             * Sakhalin is a price only where Japan took it in reprisal */
            t->price_text_when = -1;
            bool when = hk_rec_enum(&r, "price_text_when", false, "condition", condition_name, HK_PRE_COUNT,
                                    &t->price_text_when) > 0;
            bool other = hk_rec_str(&r, "price_text_else", false, &t->price_text_else) > 0;
            if (when != other)
                hk_load_error(ld, r.line, "%s: 'price_text_when' and 'price_text_else' go together; give both or "
                              "neither", r.label);
            if (!when)
                t->price_text_when = -1;
            t->price_source.seed = t->price_source.publication = -1;
            if (hk_rec_str(&r, "price_source", true, &src) > 0)
                t->price_source.text = src;
            bool party = false;
            for (int p = 0; p < t->n_parties; p++)
                party |= t->parties[p] == t->price_by;
            if (t->price_by >= 0 && !party)
                hk_load_error(ld, r.line, "%s: 'price_by' or 'pace_by' must be one of its parties",
                              r.label);
        } else {
            static const char *const only[] = {"price_by", "pace_by", "price_text", "price_text_when",
                                               "price_text_else", "price_source"};
            for (size_t k = 0; k < sizeof only / sizeof *only; k++)
                if (hk_rec_get(&r, only[k]))
                    hk_load_error(ld, hk_rec_get(&r, only[k])->line, "%s gives '%s' without 'price'", r.label,
                                  only[k]);
        }
        hk_rec_date(&r, "denounced", false, &t->denounced);
        hk_rec_date(&r, "ended", false, &t->ended);
        check_order(ld, &r, "signed", t->signed_on, "in_force", t->in_force);
        check_order(ld, &r, "in_force", t->in_force, "denounced", t->denounced);
        check_order(ld, &r, "in_force", t->in_force, "ended", t->ended);
        check_order(ld, &r, "denounced", t->denounced, "ended", t->ended);
        load_clauses(ld, &r, t);
        load_requires(ld, &r, t);
        hk_rec_source(&r, &t->source);
        if (ok > 0)
            s->n_treaties++;
    }
}

/* `people:` who held a role for an actor, and the events they are named in. */
static void load_people(hk_loader *ld, const hk_ynode *list)
{
    static const char *const keys[] = {"id", "name", "role", "actor", "from", "to", "in", "sectors",
                                       "source", NULL};
    hk_scenario *s = ld->s;
    for (int i = 0; list && i < list->n; i++) {
        hk_rec r;
        if (!hk_rec_open(&r, ld, list->items[i], "person", keys))
            continue;
        if (s->n_people == HK_MAX_PEOPLE) {
            hk_load_error(ld, r.line, "too many people: at most %d are allowed", HK_MAX_PEOPLE);
            return;
        }
        hk_person *p = &s->people[s->n_people];
        memset(p, 0, sizeof *p);
        p->at = (hk_at){ld->path, r.line};
        p->actor = -1;
        const char *id = NULL;
        bool ok = hk_rec_str(&r, "id", true, &id) > 0;
        if (ok) {
            if (strlen(id) >= HK_ID_LEN) {
                hk_load_error(ld, r.line, "person id '%.40s' is too long", id);
                ok = false;
            } else {
                snprintf(p->id, sizeof p->id, "%s", id);
                snprintf(r.label, sizeof r.label, "person '%s'", p->id);
            }
        }
        hk_rec_str(&r, "name", true, &p->name);
        hk_rec_str(&r, "role", true, &p->role);
        hk_rec_ref(&r, "actor", true, T_ACTOR, &p->actor);
        hk_rec_date(&r, "from", true, &p->from);
        if (hk_rec_date(&r, "to", false, &p->to) > 0 && hk_date_is_set(p->from) &&
            hk_date_order(p->to, p->from) < 0)
            hk_load_error(ld, r.line, "%s: 'to' comes before 'from'", r.label);
        const hk_ynode *in = hk_rec_get(&r, "in");
        if (!in) {
            hk_rec_missing(&r, "in");
        } else if (in->type != HK_Y_SEQ || in->n < 1 || in->n > HK_MAX_PERSON_IN) {
            hk_load_error(ld, in->line, "'in' of %s must be a list of 1 to %d event kinds or ids", r.label,
                          HK_MAX_PERSON_IN);
        } else {
            for (int k = 0; k < in->n; k++) {
                if (in->items[k]->type != HK_Y_SCALAR) {
                    hk_load_error(ld, in->items[k]->line, "'in' of %s: each entry is an event kind or id", r.label);
                    continue;
                }
                p->in[p->n_in++] = hk_arena_strdup(ld->arena, in->items[k]->text);
            }
        }
        hk_rec_refs(&r, "sectors", false, T_SECTOR, p->sectors, HK_MAX_SECTORS, &p->n_sectors);
        hk_rec_source(&r, &p->source);
        if (ok)
            s->n_people++;
    }
}

void hk_load_events(hk_loader *ld, const hk_ynode *root)
{
    static const char *const top[] = {"events", "people", NULL};
    static const char *const keys[] = {"id", "name", "date", "effect", "requires", "waits", "decided_by",
                                       "actors", "text", "text_when", "text_then", "source", NULL};
    hk_scenario *s = ld->s;
    if (!hk_file_open(ld, root, top))
        return;
    const hk_ynode *list = hk_file_list(ld, root, "events");
    for (int i = 0; list && i < list->n; i++) {
        hk_rec r;
        if (!hk_rec_open(&r, ld, list->items[i], "event", keys) ||
            !hk_table_room(ld, T_EVENT, r.line))
            continue;
        hk_event *e = &s->events[s->n_events];
        memset(e, 0, sizeof *e);
        e->at = (hk_at){ld->path, r.line};
        int ok = hk_rec_id(&r, T_EVENT, false, e->id);
        hk_rec_str(&r, "name", true, &e->name);
        hk_rec_date(&r, "date", true, &e->date);
        /* an event without an effect is told but changes no state (the
         * second atomic bomb: the first one's shock is the model's) */
        int effect = 0;
        bool has_effect = hk_rec_enum(&r, "effect", false, "effect", effect_name, HK_EFFECT_COUNT, &effect) > 0;
        e->effect = has_effect ? (hk_effect)effect : HK_EFFECT_COUNT;
        int requires = 0;
        e->conditional = hk_rec_enum(&r, "requires", false, "effect", effect_name, HK_EFFECT_COUNT, &requires) > 0;
        e->requires = (hk_effect)requires;
        if (hk_rec_bool(&r, "waits", false, &e->waits) > 0 && e->waits && !e->conditional)
            hk_load_error(ld, r.line, "event '%s': `waits` needs a `requires` to wait for; add one or drop `waits`",
                            e->id);
        e->decided = hk_rec_ref(&r, "decided_by", false, T_ACTOR, &e->decided_by) > 0;
        hk_rec_refs(&r, "actors", false, T_ACTOR, e->actors, HK_MAX_PARTIES, &e->n_actors);
        hk_rec_str(&r, "text", false, &e->text);
        /* the text told instead while a condition holds (the Xi'an Incident
         * in a history already at war with China) */
        e->text_when = -1;
        bool when = hk_rec_enum(&r, "text_when", false, "condition", condition_name, HK_PRE_COUNT, &e->text_when) > 0;
        bool then = hk_rec_str(&r, "text_then", false, &e->text_then) > 0;
        if (when != then)
            hk_load_error(ld, r.line, "event '%s': `text_when` and `text_then` go together; give both or neither",
                          e->id);
        if (!when)
            e->text_when = -1;
        hk_rec_source(&r, &e->source);
        if (ok > 0)
            s->n_events++;
    }
    load_people(ld, hk_file_list(ld, root, "people"));
}
