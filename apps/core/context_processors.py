def student_access(request):
    """Whether the user may see students at all (regional users never see individual students)."""
    user = getattr(request, "user", None)
    return {"show_students": bool(user and user.is_authenticated and not user.is_regional)}
