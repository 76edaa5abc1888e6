import { notifications } from '@mantine/notifications';

/** An ops action went through; the close button is named for screen readers. */
export function notifyDone(message: string) {
  notifications.show({
    color: 'green',
    message,
    closeButtonProps: { 'aria-label': 'Close notification' },
  });
}
