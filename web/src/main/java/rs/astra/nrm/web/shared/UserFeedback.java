package rs.astra.nrm.web.shared;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import rs.astra.nrm.consent.AccessDeniedException;
import rs.astra.nrm.shared.ConcurrentUpdateException;
import rs.astra.nrm.shared.InvalidRequestException;
import rs.astra.nrm.web.i18n.Messages;
import rs.astra.nrm.web.operations.DatabaseAvailability;

/**
 * Runs an action of a backing bean and turns its outcome into one message in the user's language:
 * success, invalid input, a refusal by the policy, a concurrent change by someone else, or — when
 * the action failed with the database away — "not saved, the portal is temporarily unavailable"
 * (the transaction rolled back: nothing of the entry was stored, and it is still in the form). No
 * stack trace ever reaches the page, and nothing personal reaches the log.
 */
@RequestScoped
public class UserFeedback {

  private static final Logger LOG = Logger.getLogger(UserFeedback.class.getName());

  @Inject private Messages messages;

  @Inject private DatabaseAvailability database;

  /**
   * Runs an action and shows the message with the success key on success.
   *
   * @param action the action
   * @param successKey bundle key of the success message
   * @return whether it succeeded
   */
  public boolean run(Runnable action, String successKey) {
    return run(
        () -> {
          action.run();
          return messages.get(successKey);
        });
  }

  /**
   * Runs an action that returns its own success message.
   *
   * @param action the action, returning the message to show
   * @return whether it succeeded
   */
  public boolean run(Supplier<String> action) {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      String done = action.get();
      if (done != null) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, done, null));
      }
      return true;
    } catch (InvalidRequestException e) {
      // A list of codes in the message (the categories a consent lacks) is named by its labels.
      error(
          faces,
          messages.get(
              e.messageKey(),
              rs.astra.nrm.web.i18n.CodeListLabels.labelled(
                      e.messageKey(), e.arguments(), key -> labelOrKey(key))
                  .toArray()));
    } catch (AccessDeniedException e) {
      error(faces, messages.get("deny." + e.reason().name()));
    } catch (rs.astra.nrm.organisation.NotPermittedException e) {
      // A button of a page the role may use, on a record it may not touch (e.g. a request that left
      // her organisation's reach): a message, never the error page.
      error(faces, messages.get("error.notPermitted"));
    } catch (ConcurrentUpdateException e) {
      error(faces, messages.get("error.concurrentUpdate"));
    } catch (EJBException e) {
      if (causedByOptimisticLock(e)) {
        error(faces, messages.get("error.concurrentUpdate"));
        return false;
      }
      if (database.confirmUnavailable()) {
        LOG.log(
            Level.WARNING,
            "action failed with the database away; the user is told that nothing was saved");
        error(faces, messages.get("error.notSavedUnavailable"));
        return false;
      }
      LOG.log(
          Level.WARNING,
          "action failed: {0}",
          e.getCausedByException() == null
              ? e.getClass().getName()
              : e.getCausedByException().getClass().getName());
      error(faces, messages.get("error.text"));
    }
    return false;
  }

  /**
   * Runs an action that shows nothing on success (e.g. a live check in a dialog); failures are
   * shown as with {@link #run(Supplier)}.
   *
   * @param action the action
   * @return whether it succeeded
   */
  public boolean runQuietly(Runnable action) {
    return run(
        () -> {
          action.run();
          return null;
        });
  }

  private static boolean causedByOptimisticLock(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof jakarta.persistence.OptimisticLockException) {
        return true;
      }
    }
    return false;
  }

  private static void error(FacesContext faces, String text) {
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    faces.validationFailed();
  }

  /** The text of a key in the user's language, or the key itself when the bundles have none. */
  private String labelOrKey(String key) {
    return messages.find(key).orElse(key);
  }
}
