namespace Portal.Web.Resources;

/// <summary>
/// Text of the work notifications the review workflow sends to approvers and authors.
/// WorkflowText.resx is Chinese (the default), WorkflowText.en.resx English.
/// </summary>
public sealed class WorkflowText;
