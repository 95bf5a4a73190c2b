'use client';

import * as React from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Loader2, Plus } from 'lucide-react';
import { toast } from 'sonner';
import { EditDeleteActions } from '@/components/common/row-actions';
import { EmptyState, QueryTableRows } from '@/components/common/states';
import { MessageComposer } from '@/components/sms/message-composer';
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
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { truncate } from '@/lib/format';
import { applyServerErrors } from '@/lib/form-errors';
import { useStrategies } from '@/lib/queries/crm';
import { useDeleteTemplate, useSaveTemplate, useTemplates } from '@/lib/queries/sms';
import { MAX_SMS_CHARACTERS } from '@/lib/sms/segments';
import type { SmsTemplate } from '@/types/sms';

const templateSchema = z.object({
  name: z.string().trim().min(1, 'Name the template').max(200),
  body: z
    .string()
    .refine((v) => v.trim().length > 0, 'Write the template')
    .refine((v) => v.length <= MAX_SMS_CHARACTERS, `At most ${MAX_SMS_CHARACTERS} characters`),
  strategyId: z.string(),
});
type TemplateValues = z.infer<typeof templateSchema>;

export function TemplatesManager() {
  const query = useTemplates({ limit: 100 });
  const strategies = useStrategies();
  const remove = useDeleteTemplate();
  const [editing, setEditing] = React.useState<SmsTemplate | 'new' | null>(null);
  const items = query.data?.items ?? [];
  const strategyName = (id: number | null) => strategies.data?.items.find((s) => s.id === id)?.name;

  return (
    <div className="grid grid-cols-1 gap-4">
      <div>
        <Button onClick={() => setEditing('new')}>
          <Plus /> New template
        </Button>
      </div>
      <Card className="py-0">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>Text</TableHead>
              <TableHead>Strategy</TableHead>
              <TableHead className="w-28 text-right">Actions</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            <QueryTableRows
              query={query}
              columns={4}
              items={items}
              empty={
                <EmptyState
                  title="No templates yet"
                  description="Save messages you send often, then pick them in any composer."
                />
              }
            >
              {(t) => (
                <TableRow key={t.id}>
                  <TableCell className="font-medium">{t.name}</TableCell>
                  <TableCell className="max-w-96 truncate" title={t.body}>
                    {truncate(t.body, 80)}
                  </TableCell>
                  <TableCell>
                    {strategyName(t.strategyId) ?? <span className="text-muted-foreground">—</span>}
                  </TableCell>
                  <TableCell className="text-right">
                    <EditDeleteActions
                      deleteRole="subaccount_admin"
                      name={t.name}
                      onEdit={() => setEditing(t)}
                      deleteDescription="Messages already sent with it are not affected."
                      onDelete={() => remove.mutateAsync(t.id)}
                      deletedMessage="Template deleted"
                    />
                  </TableCell>
                </TableRow>
              )}
            </QueryTableRows>
          </TableBody>
        </Table>
      </Card>
      {editing && <TemplateDialog template={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}

function TemplateDialog({ template, onClose }: { template: SmsTemplate | null; onClose: () => void }) {
  const save = useSaveTemplate();
  const strategies = useStrategies();
  const form = useForm<TemplateValues>({
    resolver: zodResolver(templateSchema),
    defaultValues: {
      name: template?.name ?? '',
      body: template?.body ?? '',
      strategyId: template?.strategyId ? String(template.strategyId) : 'none',
    },
  });
  const onSubmit = async (v: TemplateValues) => {
    try {
      await save.mutateAsync({
        id: template?.id,
        data: { name: v.name, body: v.body, strategyId: v.strategyId === 'none' ? null : Number(v.strategyId) },
      });
      toast.success(template ? 'Template saved' : 'Template created');
      onClose();
    } catch (e) {
      applyServerErrors(form.setError, e, ['name', 'body', 'strategyId']);
    }
  };
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()}>
      <DialogContent className="sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>{template ? 'Edit template' : 'New template'}</DialogTitle>
          <DialogDescription>
            Variables like <code>{'{{first_name}}'}</code> are filled per recipient.
          </DialogDescription>
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
              name="body"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Text</FormLabel>
                  <FormControl>
                    <MessageComposer
                      value={field.value}
                      onChange={field.onChange}
                      onBlur={field.onBlur}
                      ref={field.ref}
                      variables={['first_name', 'name', 'company']}
                    />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="strategyId"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Strategy</FormLabel>
                  <Select value={field.value} onValueChange={field.onChange}>
                    <FormControl>
                      <SelectTrigger>
                        <SelectValue />
                      </SelectTrigger>
                    </FormControl>
                    <SelectContent>
                      <SelectItem value="none">No strategy</SelectItem>
                      {(strategies.data?.items ?? []).map((s) => (
                        <SelectItem key={s.id} value={String(s.id)}>
                          {s.name}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
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
