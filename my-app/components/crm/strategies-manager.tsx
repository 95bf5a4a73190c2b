'use client';

import * as React from 'react';
import Link from 'next/link';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { ListOrdered, Loader2, Plus } from 'lucide-react';
import { toast } from 'sonner';
import { EditDeleteActions } from '@/components/common/row-actions';
import { DataPagination } from '@/components/common/data-pagination';
import { SearchInput } from '@/components/common/search-input';
import { EmptyState, QueryTableRows } from '@/components/common/states';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog';
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage, FormRootError } from '@/components/ui/form';
import { Input } from '@/components/ui/input';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { Textarea } from '@/components/ui/textarea';
import { applyServerErrors } from '@/lib/form-errors';
import { useDeleteStrategy, useSaveStrategy, useStrategies } from '@/lib/queries/crm';
import { useUrlState } from '@/lib/use-url-state';
import type { Strategy } from '@/types/crm';

const strategySchema = z.object({
  name: z.string().trim().min(1, 'Name the strategy').max(200),
  description: z.string().max(2000),
  tag: z.string().trim().max(100),
});
type StrategyValues = z.infer<typeof strategySchema>;

export function StrategiesManager() {
  const url = useUrlState();
  const { page, limit } = url.getPage();
  const search = url.get('search');
  const query = useStrategies({ page, limit, search });
  const remove = useDeleteStrategy();
  const [editing, setEditing] = React.useState<Strategy | 'new' | null>(null);
  const items = query.data?.items ?? [];

  return (
    <div className="grid grid-cols-1 gap-4">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <SearchInput
          value={search ?? ''}
          onChange={(v) => url.set({ search: v })}
          placeholder="Search strategies…"
          label="Search strategies"
        />
        <Button className="sm:ml-auto" onClick={() => setEditing('new')}>
          <Plus /> New strategy
        </Button>
      </div>
      <Card className="py-0">
        <Table data-testid="strategies-table">
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>Description</TableHead>
              <TableHead>Tag</TableHead>
              <TableHead className="w-36 text-right">Actions</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            <QueryTableRows
              query={query}
              columns={4}
              items={items}
              empty={
                <EmptyState
                  title={search ? 'No strategies match' : 'No strategies yet'}
                  description="A strategy describes how leads are followed up."
                />
              }
            >
              {(s) => (
                <TableRow key={s.id}>
                  <TableCell className="font-medium">
                    <Link href={`/admin/strategies/${s.id}`} className="underline-offset-4 hover:underline">
                      {s.name}
                    </Link>
                  </TableCell>
                  <TableCell className="max-w-96 truncate" title={s.description ?? undefined}>
                    {s.description || <span className="text-muted-foreground">—</span>}
                  </TableCell>
                  <TableCell>
                    {s.tag ? (
                      <Badge variant="secondary">{s.tag}</Badge>
                    ) : (
                      <span className="text-muted-foreground">—</span>
                    )}
                  </TableCell>
                  <TableCell className="text-right">
                    <Button asChild variant="ghost" size="icon" aria-label={`SMS sequence of ${s.name}`}>
                      <Link href={`/admin/strategies/${s.id}`}>
                        <ListOrdered />
                      </Link>
                    </Button>
                    <EditDeleteActions
                      deleteRole="subaccount_admin"
                      name={s.name}
                      onEdit={() => setEditing(s)}
                      deleteDescription="Leads using it keep their data but lose the strategy."
                      onDelete={() => remove.mutateAsync(s.id)}
                      deletedMessage="Strategy deleted"
                    />
                  </TableCell>
                </TableRow>
              )}
            </QueryTableRows>
          </TableBody>
        </Table>
      </Card>
      {query.data && (
        <DataPagination
          page={page}
          limit={limit}
          total={query.data.total}
          onPageChange={(p) => url.set({ page: p }, { resetPage: false })}
          onLimitChange={(l) => url.set({ limit: l })}
        />
      )}
      {editing && <StrategyDialog strategy={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}

function StrategyDialog({ strategy, onClose }: { strategy: Strategy | null; onClose: () => void }) {
  const save = useSaveStrategy();
  const form = useForm<StrategyValues>({
    resolver: zodResolver(strategySchema),
    defaultValues: { name: strategy?.name ?? '', description: strategy?.description ?? '', tag: strategy?.tag ?? '' },
  });
  const onSubmit = async (v: StrategyValues) => {
    try {
      await save.mutateAsync({
        id: strategy?.id,
        data: { name: v.name, description: v.description || null, tag: v.tag || null },
      });
      toast.success(strategy ? 'Strategy saved' : 'Strategy created');
      onClose();
    } catch (e) {
      applyServerErrors(form.setError, e, ['name', 'description', 'tag']);
    }
  };
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{strategy ? 'Edit strategy' : 'New strategy'}</DialogTitle>
          <DialogDescription>How this SubAccount follows up a kind of lead.</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} className="grid grid-cols-1 gap-4" noValidate>
            <FormField
              control={form.control}
              name="name"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Name</FormLabel>
                  <FormControl>
                    <Input {...field} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="description"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Description</FormLabel>
                  <FormControl>
                    <Textarea rows={3} {...field} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="tag"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Tag</FormLabel>
                  <FormControl>
                    <Input {...field} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormRootError />
            <DialogFooter>
              <Button variant="outline" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" disabled={form.formState.isSubmitting}>
                {form.formState.isSubmitting && <Loader2 className="animate-spin" />}
                Save
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
