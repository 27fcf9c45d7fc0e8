"""The action that ends an approved workflow (``WAGTAIL_FINISH_WORKFLOW_ACTION``).

Wagtail resolves that setting while it defines its own models
(``WorkflowState.on_finish``), before any model may be imported. So this module
imports nothing at load time and hands over to ``treatments.review`` when called.
"""


def finish_workflow(workflow_state, user=None) -> None:
    from treatments.review import finish_workflow as finish

    finish(workflow_state, user=user)
