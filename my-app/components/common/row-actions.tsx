'use client';

import { Pencil, Trash2 } from 'lucide-react';
import { toast } from 'sonner';
import { BlockedButton, useRole } from '@/components/auth/require-role';
import { ConfirmDialog } from '@/components/common/confirm-dialog';
import { Button } from '@/components/ui/button';
import { errorMessage } from '@/lib/api-client';
import type { AccessRole } from '@/lib/roles';

/** A table row's Edit and Delete buttons; Delete asks first, then toasts the outcome. */
export function EditDeleteActions({
  name,
  onEdit,
  deleteDescription,
  onDelete,
  deletedMessage,
  confirmLabel = 'Delete',
  deleteRole = 'user',
}: {
  name: string;
  onEdit: () => void;
  /** What deleting it does to the rest, in a sentence. */
  deleteDescription: string;
  onDelete: () => Promise<unknown>;
  deletedMessage: string;
  confirmLabel?: string;
  /** The least role that may delete (docs/security.md); below it Delete shows disabled with the reason. */
  deleteRole?: AccessRole;
}) {
  const blocked = useRole().reasonUnless(deleteRole);
  return (
    <>
      <Button variant="ghost" size="icon" aria-label={`Edit ${name}`} onClick={onEdit}>
        <Pencil />
      </Button>
      {blocked ? (
        <BlockedButton reason={blocked} label={`Delete ${name}`} variant="ghost" size="icon">
          <Trash2 />
        </BlockedButton>
      ) : (
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
      )}
    </>
  );
}
