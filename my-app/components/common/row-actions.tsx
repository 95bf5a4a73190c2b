'use client';

import { Pencil, Trash2 } from 'lucide-react';
import { toast } from 'sonner';
import { ConfirmDialog } from '@/components/common/confirm-dialog';
import { Button } from '@/components/ui/button';
import { errorMessage } from '@/lib/api-client';

/** A table row's Edit and Delete buttons; Delete asks first, then toasts the outcome. */
export function EditDeleteActions({
  name,
  onEdit,
  deleteDescription,
  onDelete,
  deletedMessage,
  confirmLabel = 'Delete',
}: {
  name: string;
  onEdit: () => void;
  /** What deleting it does to the rest, in a sentence. */
  deleteDescription: string;
  onDelete: () => Promise<unknown>;
  deletedMessage: string;
  confirmLabel?: string;
}) {
  return (
    <>
      <Button variant="ghost" size="icon" aria-label={`Edit ${name}`} onClick={onEdit}>
        <Pencil />
      </Button>
      <ConfirmDialog
        trigger={
          <Button variant="ghost" size="icon" aria-label={`Delete ${name}`}>
            <Trash2 />
          </Button>
        }
        title={`Delete “${name}”?`}
        description={deleteDescription}
        confirmLabel={confirmLabel}
        destructive
        onConfirm={() =>
          onDelete().then(
            () => toast.success(deletedMessage),
            (e: unknown) => {
              toast.error(errorMessage(e));
              throw e;
            },
          )
        }
      />
    </>
  );
}
